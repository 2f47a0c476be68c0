import { type CodedMessage, isMessageCode, MESSAGES, type MessageCode, type MessageParams, placeholdersOf } from '@qonys/domain';
import { getMetadataStorage, type ValidationError } from 'class-validator';

/** The catalogue code of each class-validator constraint a DTO may use. */
export const CONSTRAINT_CODES: Record<string, MessageCode> = {
  isInt: 'validation.is_int',
  isNumber: 'validation.is_number',
  isString: 'validation.is_string',
  isBoolean: 'validation.is_boolean',
  isArray: 'validation.is_array',
  isEmail: 'validation.is_email',
  isIso8601: 'validation.is_date',
  isIn: 'validation.is_in',
  min: 'validation.min',
  max: 'validation.max',
  isLength: 'validation.length',
  minLength: 'validation.min_length',
  maxLength: 'validation.max_length',
  arrayMinSize: 'validation.array_min_size',
  arrayMaxSize: 'validation.array_max_size',
  arrayUnique: 'validation.array_unique',
  notEquals: 'validation.not_equals',
  isNotEmpty: 'validation.required',
  isDefined: 'validation.required',
  matches: 'validation.format',
  isCountryCode: 'validation.country_code',
  isLanguageCode: 'validation.language_code',
  whitelistValidation: 'validation.not_allowed',
  nestedValidation: 'validation.nested',
  isObject: 'validation.nested',
  unknownValue: 'validation.unknown_value',
};

/** The parameters a constraint's arguments give its message. */
function constraintParams(name: string, args: unknown[]): MessageParams {
  const [first, second] = args as [unknown, unknown];
  switch (name) {
    case 'min':
    case 'minLength':
    case 'arrayMinSize':
      return { min: Number(first) };
    case 'max':
    case 'maxLength':
    case 'arrayMaxSize':
      return { max: Number(first) };
    case 'isLength':
      return { min: Number(first), max: Number(second) };
    case 'isIn':
      return Array.isArray(first) ? { values: first.join(', ') } : {};
    case 'notEquals':
      return { value: String(first) };
    default:
      return {};
  }
}

/**
 * A failed constraint as a code: the decorator's own message when it is a catalogue
 * code (`{ message: 'validation.username' }`), else the constraint's code.
 */
function codedConstraint(error: ValidationError, name: string): CodedMessage {
  const target = error.target as object | undefined;
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target.constructor, '', true, false)
        .find((m) => m.propertyName === error.property && m.name === name)
    : undefined;
  const params = constraintParams(name, metadata?.constraints ?? []);
  const code = isMessageCode(metadata?.message) ? metadata.message : (CONSTRAINT_CODES[name] ?? 'validation.format');
  // A body of the wrong shape (a list for an object) fails constraints whose arguments
  // cannot be found: say "wrong format" rather than a message with holes.
  const complete = placeholdersOf(MESSAGES[code]).every((placeholder) => placeholder in params);
  return complete ? { code, params } : { code: 'validation.format', params: {} };
}

/** Flattens class-validator errors to `{ 'field.sub': code of the first failed constraint }`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, CodedMessage> {
  const result: Record<string, CodedMessage> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [first] = Object.keys(error.constraints ?? {});
    if (first) result[path] = codedConstraint(error, first);
    if (error.children?.length) Object.assign(result, fieldErrors(error.children, path));
  }
  return result;
}
