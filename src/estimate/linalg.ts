/**
 * Small dense linear algebra for the log-linear fits: Cholesky factorisation and solves of
 * symmetric positive-definite systems, stored row-major in Float64Arrays.
 */

/**
 * Cholesky factor L (lower, row-major p×p) of the symmetric positive-definite matrix `a`, or null
 * when `a` is not numerically positive definite.
 */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * p + i]));
  const tol = maxDiag * 1e-13;
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(d > tol)) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves (L Lᵀ) x = b given the Cholesky factor L. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * y[k];
    y[i] = s / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/** Diagonal of (L Lᵀ)⁻¹, i.e. the variances when L factors an information matrix. */
export function inverseDiagonal(l: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p);
  const e = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    e.fill(0);
    e[i] = 1;
    out[i] = choleskySolve(l, p, e)[i]!;
  }
  return out;
}
