import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedException } from './app.exception.js';
import { toFieldErrors } from './validation-messages.js';
import { applyImplicitValidationRules } from './implicit-validation-rules.js';

// One validation tool at the edge: unknown fields are refused, every error names its field path.
export function createValidationPipe(): ValidationPipe {
  applyImplicitValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedException(toFieldErrors(errors)),
  });
}
