/**
 * Reads a value until `check` passes (it throws, e.g. with `expect`), or throws the last failure after
 * `timeoutMs`: for what a page shows once its data has arrived, without fixed sleeps.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
