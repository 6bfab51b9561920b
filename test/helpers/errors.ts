/** What a promise rejected with; fails the test if it resolved. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; details?: unknown };
  }
  throw new Error('expected a rejection, but it resolved');
}
