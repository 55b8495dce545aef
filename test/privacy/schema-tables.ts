import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema';

/** Every table of db/schema with its column names and the tables its foreign keys point to. */
export function schemaTables() {
  return Object.values(schema as Record<string, unknown>)
    .filter((v): v is SQLiteTable => v instanceof SQLiteTable)
    .map((tb) => getTableConfig(tb))
    .map((c) => ({
      name: c.name,
      columns: c.columns.map((col) => col.name).sort(),
      references: c.foreignKeys.flatMap((fk) => {
        const r = fk.reference();
        return r.columns.map((col, i) => ({ column: col.name, table: getTableConfig(r.foreignTable).name, foreignColumn: r.foreignColumns[i]!.name }));
      }),
    }));
}
