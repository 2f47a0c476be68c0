import { IsObject, IsOptional } from 'class-validator';

/** Run now: the job's own parameters, checked by its handler's `parseParams`. */
export class RunJobDto {
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}
