// 可用不可见: aggregate-only queries with k-anonymity thresholds, discrete-Laplace noise and privacy budgets.
// Shared by browser and server: keep this file free of node: imports.
export {};
