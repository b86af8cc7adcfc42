import type { Response } from 'express';
import { validate } from 'class-validator';
import { AppException } from '../../common/app.exception.js';
import { toFieldErrors } from '../../common/validation-messages.js';

// A page's form post: the DTO (if the form has fields) is validated, the command runs, and the page is redirected to
// with its flash message; a refusal (validation or a 4xx of the command) re-renders the page with the problem in
// Vietnamese, status 400.
export async function answerForm(input: {
  response: Response;
  dto: object | null;
  act: () => Promise<unknown>;
  // Where to go once done; a function is read after the command ran, so it may name what the command made.
  redirectTo: string | (() => string);
  rerender: (problem: string) => Promise<string>;
}): Promise<void> {
  const errors = input.dto ? toFieldErrors(await validate(input.dto)) : [];
  let problem = errors.map((e) => e.message).join(' ') || undefined;
  if (!problem) {
    try {
      await input.act();
      input.response.redirect(303, typeof input.redirectTo === 'string' ? input.redirectTo : input.redirectTo());
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
    .send(await input.rerender(problem));
}

// A form on one row of a table whose typed field is a day: the DTO is validated (a day that is no day is named by
// `dateMessage`), the command runs and the page is redirected to; a refusal re-renders the page with the message on
// the row and the refusal's status (400 for validation). A record outside the caller's scope stays a 404.
export async function answerRowForm(input: {
  response: Response;
  dto: object;
  dateField: string;
  dateMessage: string;
  act: () => Promise<unknown>;
  redirectTo: string;
  rerender: (message: string) => Promise<string>;
}): Promise<void> {
  const errors = toFieldErrors(await validate(input.dto));
  let message = errors.some((e) => e.path === input.dateField)
    ? input.dateMessage
    : errors.map((e) => e.message).join(' ');
  let status = 400;
  if (!message) {
    try {
      await input.act();
      input.response.redirect(303, input.redirectTo);
      return;
    } catch (error) {
      if (!(error instanceof AppException) || error.status >= 500 || error.status === 404) throw error;
      // A refusal on the day itself is said once, beside it; anything else with the command's own words.
      const onField = error.errors.filter((e) => e.path === input.dateField).map((e) => e.message);
      message = (onField.length ? onField : [error.message, ...error.errors.map((e) => e.message)])
        .filter((m, i, all) => m && all.indexOf(m) === i)
        .join(' ');
      status = error.status;
    }
  }
  input.response
    .status(status)
    .type('html')
    .send(await input.rerender(message));
}
