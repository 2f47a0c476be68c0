import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { coded, DomainError } from '../../common/errors/domain-error';
import { readMultipart } from '../../common/input/multipart';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import {
  LabourDemandDto,
  RegionCapacityDto,
  UpdateLabourDemandDto,
  UpdateRegionCapacityDto,
} from './dto/reference.dto';
import { LABOUR_DEMAND_LIST, REGION_CAPACITY_LIST } from './placement-lists';
import { PlacementReferenceService } from './placement-reference.service';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Reads the multipart import: one part `file`, an optional field `source`. */
async function readImport(request: FastifyRequest): Promise<{ content: Buffer; fileName: string; source: string }> {
  if (!request.isMultipart()) throw DomainError.invalid({ file: 'document.multipart' });
  const { fields, file } = await readMultipart(request, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
    tooLarge: () =>
      DomainError.invalid({ file: coded('document.file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 }) }),
    tooMany: () => DomainError.invalid({ file: 'document.one_file' }),
  });
  const source = (fields.source ?? '').trim();
  if (!file || file.content.length === 0) throw DomainError.invalid({ file: 'document.file_required' });
  // Without a stated source the file's name is the provenance: stored text in no one language.
  return { ...file, source: source || file.fileName };
}

@ApiTags('placement reference data')
@ApiBearerAuth()
@Controller('labour-demand')
export class LabourDemandController {
  constructor(private readonly reference: PlacementReferenceService) {}

  @Get()
  @RequirePermission('labour-demand', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.reference.listDemand(ctx, parseListQuery(query, LABOUR_DEMAND_LIST));
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('labour-demand', 'create')
  async import(@Ctx() ctx: AuthedContext, @Req() request: FastifyRequest) {
    const upload = await readImport(request);
    return this.reference.importDemand(ctx, upload.content, upload.fileName, upload.source);
  }

  @Get(':id')
  @RequirePermission('labour-demand', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.reference.getDemand(ctx, id);
  }

  @Post()
  @RequirePermission('labour-demand', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: LabourDemandDto) {
    return this.reference.createDemand(ctx, dto);
  }

  @Put(':id')
  @RequirePermission('labour-demand', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateLabourDemandDto) {
    return this.reference.updateDemand(ctx, id, dto);
  }
}

@ApiTags('placement reference data')
@ApiBearerAuth()
@Controller('region-capacities')
export class RegionCapacitiesController {
  constructor(private readonly reference: PlacementReferenceService) {}

  @Get()
  @RequirePermission('region-capacities', 'list')
  list(@Ctx() ctx: AuthedContext, @Query() query: RawListQuery) {
    return this.reference.listCapacities(ctx, parseListQuery(query, REGION_CAPACITY_LIST));
  }

  @Get(':id')
  @RequirePermission('region-capacities', 'show')
  get(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number) {
    return this.reference.getCapacity(ctx, id);
  }

  @Post()
  @RequirePermission('region-capacities', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: RegionCapacityDto) {
    return this.reference.createCapacity(ctx, dto);
  }

  @Put(':id')
  @RequirePermission('region-capacities', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateRegionCapacityDto) {
    return this.reference.updateCapacity(ctx, id, dto);
  }
}
