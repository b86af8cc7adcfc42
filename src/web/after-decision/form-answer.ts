import { validate } from 'class-validator';
import type { Response } from 'express';
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';

// A web form's command: validate the DTO, run it, redirect with a flash code; a refusal a clerk can act on is shown on
// the page again (400) in Vietnamese, never an internal code.
export async function answerForm(input: {
  response: Response;
  dto: object;
  act: () => Promise<unknown>;
  // Where to go once done (read after the command ran, so it may name what the command made).
  done: () => string;
  render: (problem: string) => Promise<string>;
}): Promise<void> {
  const errors = toFieldErrors(await validate(input.dto));
  let problem = errors.map((e) => e.message).join(' ') || undefined;
  if (!problem) {
    try {
      await input.act();
      input.response.redirect(303, input.done());
      return;
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500) throw error;
      problem = [error.message, ...error.errors.map((e) => e.message)]
        .filter((m, i, all) => m && all.indexOf(m) === i)
        .join(' ');
    }
  }
  input.response
    .status(400)
    .type('html')
    .send(await input.render(problem));
}
