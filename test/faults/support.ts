// Helpers shared by the fault, fuzz and privacy tests: what an error thrown through the Zapier runtime says.

/** Zapier's AppError and ThrottledError carry their fields as JSON in `message`; other errors carry plain text. */
export interface Failure {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number;
  raw: string;
}

export function describeError(error: unknown): Failure {
  const e = error as Error;
  const raw = String(e?.message ?? e);
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
      return { name: e.name, raw, ...parsed };
    }
  } catch {
    /* plain message */
  }
  return { name: e?.name ?? 'unknown', message: raw, raw };
}

/** Awaits a promise that must reject and describes the error (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    const value = await promise;
    throw new Error(`expected a failure, got ${JSON.stringify(value)?.slice(0, 300)}`);
  } catch (error) {
    if ((error as Error).message?.startsWith('expected a failure')) throw error;
    return describeError(error);
  }
}
