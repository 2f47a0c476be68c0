import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Flattens class-validator errors to `{ 'field.sub': 'first message' }`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) result[path] = messages[0];
    if (error.children?.length) Object.assign(result, fieldErrors(error.children, path));
  }
  return result;
}

/**
 * Whitelisting DTO validation: a field the DTO does not declare (an id, a version
 * where none is expected, a role the caller may not set) is refused, never ignored.
 */
export const validationOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => DomainError.invalid(fieldErrors(errors)),
};

export const validationPipe = new ValidationPipe(validationOptions);
