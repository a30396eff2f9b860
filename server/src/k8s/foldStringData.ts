// The API server's handling of a Secret's write-only `stringData`: each value is base64-encoded
// into `data` (a stringData key wins over the same data key) and stringData itself is not stored.
// upstream: pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret.
export function foldStringData<T extends Record<string, unknown>>(secret: T): T {
  const stringData = secret.stringData;
  if (!stringData || typeof stringData !== 'object' || Array.isArray(stringData)) return secret;
  const { stringData: _dropped, ...rest } = secret;
  const data: Record<string, unknown> = { ...((rest.data as Record<string, unknown> | undefined) ?? {}) };
  for (const [k, v] of Object.entries(stringData as Record<string, unknown>)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  return { ...rest, data } as unknown as T;
}
