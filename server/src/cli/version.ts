// The version `kubemate --version` prints and machine-readable outputs (SARIF) carry.
export const KUBEMATE_VERSION = '0.1.0';
