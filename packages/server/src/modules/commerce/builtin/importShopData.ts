import type { z } from 'zod';
import type { Db } from '../../../db/database';
import { parseCsv } from '../../../csv';
import { orderImportRow, productImportRow, shipmentImportRow } from './shopDataRows';
import { ShopRowError, upsertOrder, upsertProduct, upsertShipment } from './shopDataUpserts';

export type ShopImportKind = 'products' | 'orders' | 'shipments';

export interface ShopImportReport {
  imported: number;
  failed: number;
  /** 1-based row numbers (CSV: the header is row 0). */
  errors: { row: number; message: string }[];
}

const maxReportedErrors = 200;

/**
 * Imports products, orders or shipments into the builtin shop. Each row stands alone (its own transaction):
 * good rows land, bad rows are reported with the reason and change nothing.
 */
export async function importShopData(
  db: Db,
  input: { kind: ShopImportKind; format: 'csv' | 'json'; data: string },
  now: Date,
): Promise<ShopImportReport> {
  const records = input.format === 'csv' ? csvRecords(input.data) : jsonRecords(input.data);
  const report: ShopImportReport = { imported: 0, failed: 0, errors: [] };
  for (const [index, record] of records.entries()) {
    const problem = await importRecord(db, input.kind, record, now);
    if (problem === null) report.imported += 1;
    else {
      report.failed += 1;
      if (report.errors.length < maxReportedErrors) report.errors.push({ row: index + 1, message: problem });
    }
  }
  return report;
}

async function importRecord(
  db: Db,
  kind: ShopImportKind,
  record: unknown,
  now: Date,
): Promise<string | null> {
  try {
    await db.transaction().execute(async (trx) => {
      if (kind === 'products') await upsertProduct(trx, parseRow(productImportRow, record), now);
      else if (kind === 'orders') await upsertOrder(trx, parseRow(orderImportRow, record), now);
      else await upsertShipment(trx, parseRow(shipmentImportRow, record));
    });
    return null;
  } catch (error) {
    if (error instanceof ShopRowError) return error.message;
    if (error instanceof Error && /unique|constraint/i.test(error.message))
      return 'conflicts with an existing record (duplicate SKU or number)';
    throw error;
  }
}

function parseRow<Schema extends z.ZodType>(schema: Schema, record: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ShopRowError(issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid row');
}

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((name) => name.trim().toLowerCase());
  return rows.map((fields) =>
    Object.fromEntries(names.map((name, index) => [name, fields[index]?.trim() ?? ''])),
  );
}

function jsonRecords(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ShopRowError('data is not valid JSON');
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object' && 'rows' in parsed && Array.isArray(parsed.rows))
    return parsed.rows;
  throw new ShopRowError('JSON data must be an array of rows or { "rows": [...] }');
}
