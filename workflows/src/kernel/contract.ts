import type { z } from 'zod';
import { invalid, Problem } from './problems';

/**
 * A value checked against its declared contract inside the workflow: the API has already checked
 * it, so this only guards messages that reach Temporal some other way. Every field problem is
 * listed, as the API would.
 */
export function contractProblem(
  schema: z.ZodType,
  value: unknown,
  prefix: readonly string[] = [],
): Problem | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const pathOf = (path: readonly PropertyKey[]) => [...prefix, ...path.map(String)].join('.');
  const fields = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'Unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
  return invalid(`${fields.length} invalid or missing field(s)`, { fields });
}

/** A message's body without the fields the API adds (who acts, the request id). */
export function messageBody<Input extends { actor: unknown; requestId?: string }>(
  input: Input,
  ...alsoOmit: Array<keyof Input>
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...input };
  for (const key of ['actor', 'requestId', ...alsoOmit]) delete body[key as string];
  return body;
}
