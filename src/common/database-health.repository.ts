import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// The database as the health check sees it: reachable, which server, how many migrations applied.
@Injectable()
export class DatabaseHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async probe(): Promise<{ version: string; migrations: number }> {
    const [row] = await this.dataSource.query(
      `SELECT current_setting('server_version') AS version,
              (SELECT count(*) FROM schema_migrations)::int AS migrations`,
    );
    return row;
  }
}
