import { validate } from 'class-validator';
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';

// A page's form: the DTO is validated and, when it passes, the command runs. Returns the sentences to show the official
// when either refuses (a 4xx of the command), or null once the command has run; a server error propagates.
export async function attemptForm(dto: object, run: () => Promise<unknown>): Promise<string | null> {
  const invalid = toFieldErrors(await validate(dto))
    .map((e) => e.message)
    .join(' ');
  if (invalid) return invalid;
  try {
    await run();
    return null;
  } catch (error) {
    if (!(error instanceof AppException) || error.status >= 500) throw error;
    return [error.message, ...error.errors.map((e) => e.message)].join(' ');
  }
}
