import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  type Type,
  ValidationPipe,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { ObjectLiteral } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { validationOptions } from '../../common/errors/validation.pipe';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import type { ReferenceRecord } from './entities/reference-record';
import { ReferenceDataService } from './reference-data.service';
import type { ReferenceResource } from './reference-resources';

/**
 * The reference-data resources share one controller shape; each gets its own
 * class (own path, own DTOs, own permission-table resource) from this factory.
 */
export function referenceDataController<T extends ReferenceRecord & ObjectLiteral>(
  resource: ReferenceResource<T>,
): Type {
  // The DTO classes are only known at run time here, so the pipes name them explicitly.
  const createBody = new ValidationPipe({ ...validationOptions, expectedType: resource.createDto });
  const updateBody = new ValidationPipe({ ...validationOptions, expectedType: resource.updateDto });

  @ApiTags('reference data')
  @ApiBearerAuth()
  @Controller(resource.path)
  class ReferenceDataController {
    constructor(readonly service: ReferenceDataService) {}

    @Get()
    @RequirePermission(resource.path, 'list')
    list(@Query() query: RawListQuery) {
      return this.service.list(resource, parseListQuery(query, resource.list));
    }

    @Get(':id')
    @RequirePermission(resource.path, 'show')
    get(@Param('id', ParseIntPipe) id: number) {
      return this.service.get(resource, id);
    }

    @Post()
    @RequirePermission(resource.path, 'create')
    @ApiBody({ type: resource.createDto })
    create(@Ctx() ctx: AuthedContext, @Body(createBody) dto: object) {
      return this.service.create(ctx, resource, dto);
    }

    @Put(':id')
    @RequirePermission(resource.path, 'edit')
    @ApiBody({ type: resource.updateDto })
    update(
      @Ctx() ctx: AuthedContext,
      @Param('id', ParseIntPipe) id: number,
      @Body(updateBody) dto: { version: number },
    ) {
      return this.service.update(ctx, resource, id, dto);
    }
  }
  Object.defineProperty(ReferenceDataController, 'name', { value: `${resource.label.replace(/\s/g, '')}Controller` });
  return ReferenceDataController;
}
