import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../common/app.exception.js';
import { toFieldErrors } from '../common/validation-messages.js';
import { DossierDto } from './dossier.dto.js';

// The same DTOs and options as the API's ValidationPipe, for documents that do not arrive as a request body (the
// nomination form, a spreadsheet's rows): each is judged exactly as an imported record is.
export async function validateDossierShape(document: Record<string, unknown>): Promise<FieldError[]> {
  const instance = plainToInstance(DossierDto, document);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return toFieldErrors(errors);
}
