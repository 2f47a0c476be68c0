import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { DomainError } from './domain-error';
import { fieldErrors } from './validation-codes';

/**
 * Whitelisting DTO validation: a field the DTO does not declare (an id, a version
 * where none is expected, a role the caller may not set) is refused, never ignored.
 * The target is kept on errors only to find each constraint's arguments; it never
 * reaches the response.
 */
export const validationOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: true, value: false },
  exceptionFactory: (errors) => DomainError.invalid(fieldErrors(errors)),
};

export const validationPipe = new ValidationPipe(validationOptions);
