import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

/**
 * For the TypeORM CLI (`npm run migration:*`), which works against a PostgreSQL
 * server: DATABASE_URL must be set.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to run the TypeORM CLI');
export default new DataSource(typeormOptions(url, 2));
