#pragma once
// Hand-written SLEEF gradient descent on cos(3x + 2y) + cos(2x + 4y) − 2 sin(x + y), the
// reference of bench_basin: n starts (n a multiple of 16) from (x0, y0), `steps` steps of rate
// lr, end points into (x, y). u35: SLEEF's 3.5-ulp sin and cos (as the expression engine uses),
// else the 1-ulp ones. Call the AVX2 one only on a CPU with AVX2 and FMA, the AVX-512 one only
// with AVX-512F.
void sleefDescentAvx2(const double* x0, const double* y0, double* x, double* y, int n, int steps,
                      double lr, bool u35);
void sleefDescentAvx512(const double* x0, const double* y0, double* x, double* y, int n, int steps,
                        double lr, bool u35);
/// The same with f computed too and the divergence test of a run (x, f finite and within
/// `bound`, ∇f finite) at every step: the work a basin map's step does.
void sleefCheckedDescentAvx2(const double* x0, const double* y0, double* x, double* y, int n,
                             int steps, double lr, double bound);
void sleefCheckedDescentAvx512(const double* x0, const double* y0, double* x, double* y, int n,
                               int steps, double lr, double bound);
