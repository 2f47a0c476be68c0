import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * A list of nested DTOs. ValidateNested alone accepts an array where an object belongs
 * (`{"weights":[[]]}` passed validation and failed in the service with a 500), so
 * every element must be a plain object too.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-transformer's own parameter type
export const NestedList = (type: () => Function): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    IsObject({ each: true, message: ({ property }) => `each value in ${property} must be an object` }),
    ValidateNested({ each: true }),
    Type(type),
  );
