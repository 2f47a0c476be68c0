import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthedContext } from '../../common/auth/actor';
import { Ctx, RequirePermission } from '../../common/auth/decorators';
import { parseListQuery, type RawListQuery } from '../../common/list/list-query';
import { CreateUserDto, PasswordDto, UpdateUserDto } from './dto/user.dto';
import { USER_LIST } from './users.repository';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users', 'list')
  list(@Query() query: RawListQuery) {
    return this.users.list(parseListQuery(query, USER_LIST));
  }

  @Get(':id')
  @RequirePermission('users', 'show')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.users.get(id);
  }

  @Post()
  @RequirePermission('users', 'create')
  create(@Ctx() ctx: AuthedContext, @Body() dto: CreateUserDto) {
    return this.users.create(ctx, dto);
  }

  @Put(':id')
  @RequirePermission('users', 'edit')
  update(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.users.update(ctx, id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission('users', 'edit')
  resetPassword(@Ctx() ctx: AuthedContext, @Param('id', ParseIntPipe) id: number, @Body() dto: PasswordDto) {
    return this.users.resetPassword(ctx, id, dto.password);
  }
}
