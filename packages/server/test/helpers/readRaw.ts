import pg from 'pg';

/** Values of the first column of a query, read without Kefu's store (so encrypted values stay as stored). */
export async function readRaw(dialect: string, url: string, query: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const connection = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      return connection
        .prepare(query)
        .raw()
        .all()
        .flatMap((row) => (Array.isArray(row) && typeof row[0] === 'string' ? [row[0]] : []));
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(query)).rows.flatMap((row) =>
      Object.values(row).filter((value): value is string => typeof value === 'string'),
    );
  } finally {
    await client.end();
  }
}
