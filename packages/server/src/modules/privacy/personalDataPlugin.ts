import {
  BinaryOperationNode,
  ColumnNode,
  ColumnUpdateNode,
  DefaultInsertValueNode,
  InsertQueryNode,
  OnConflictNode,
  OperationNodeTransformer,
  OperatorNode,
  PrimitiveValueListNode,
  ReferenceNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
} from 'kysely';
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
  ValuesItemNode,
} from 'kysely';
import type { BlindIndexKind, FieldCipher } from './fieldCipher';
import { isSealed } from './fieldCipher';

interface TablePolicy {
  encrypted: readonly string[];
  /** Column → its blind-index column, written beside it and used for `where column = value`. */
  indexed: Readonly<Partial<Record<BlindIndexKind, string>>>;
}

/** The personal data Kefu holds: names, phones, e-mails, addresses, invoice details (tax ids), notes. */
export const personalDataPolicy: Readonly<Record<string, TablePolicy>> = {
  customers: {
    encrypted: ['display_name', 'email', 'phone'],
    indexed: { phone: 'phone_index', email: 'email_index' },
  },
  shop_customers: {
    encrypted: ['name', 'phone', 'email', 'addresses'],
    indexed: { phone: 'phone_index', email: 'email_index' },
  },
  // The recipient's name, phone and address; the invoice's tax id and e-mail.
  orders: { encrypted: ['shipping_address', 'invoice', 'buyer_note'], indexed: {} },
  // What the engine understood of a message (a phone typed in chat is an entity there) and the bot's memory
  // of the conversation (a new phone or address the shopper gave).
  messages: { encrypted: ['analysis'], indexed: {} },
  conversations: { encrypted: ['bot_state'], indexed: {} },
  // An app's push token identifies the shopper's device; a call's number and what was said.
  push_registrations: { encrypted: ['token'], indexed: {} },
  call_records: { encrypted: ['phone', 'transcript'], indexed: { phone: 'phone_index' } },
  // Not personal data but a credential: agents' TOTP secrets are sealed the same way.
  agent_two_factor: { encrypted: ['secret'], indexed: {} },
};

/** Values that hold nothing personal stay as they are, so `bot_state != '{}'` still finds a live dialogue. */
const emptyValues = new Set(['', '{}', '[]']);

const decryptedColumns = new Set(Object.values(personalDataPolicy).flatMap((policy) => policy.encrypted));

/**
 * Encryption at rest in one place, below every repository: values written to the columns of
 * `personalDataPolicy` are encrypted (with their blind index beside phone and e-mail), `where phone = …` on
 * those tables compares blind indexes, and encrypted values read back are decrypted. A repository cannot
 * forget it; raw `sql` on these columns would bypass it, and none exists.
 */
export class PersonalDataPlugin implements KyselyPlugin {
  constructor(private readonly cipher: FieldCipher) {}

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (InsertQueryNode.is(node)) return this.transformInsert(node);
    if (UpdateQueryNode.is(node)) {
      const policy = policyOf(node.table);
      if (!policy) return node;
      const updates = this.sealUpdates(policy, node.updates ?? []);
      // `cloneWithUpdates` would append: the sealed assignments replace the plain ones.
      return rewriteWhere(this.cipher, policy, { ...node, updates });
    }
    if (SelectQueryNode.is(node)) {
      const policy = (node.from?.froms ?? []).map(policyOf).find((candidate) => candidate !== null);
      return policy ? rewriteWhere(this.cipher, policy, node) : node;
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return { ...result, rows: result.rows.map((row) => this.openRow(row)) };
  }

  private openRow(row: UnknownRow): UnknownRow {
    let opened: UnknownRow | null = null;
    for (const [column, value] of Object.entries(row)) {
      if (!decryptedColumns.has(column) || !isSealed(value)) continue;
      opened ??= { ...row };
      opened[column] = this.cipher.decrypt(value, column);
    }
    return opened ?? row;
  }

  private transformInsert(node: InsertQueryNode): InsertQueryNode {
    const policy = policyOf(node.into);
    if (!policy || !node.columns) return node;
    const columnNames = node.columns.map((column) => column.column.name);
    const indexColumns = indexColumnsFor(policy, columnNames);
    const appended = indexColumns.filter(({ indexColumn }) => !columnNames.includes(indexColumn));
    const sealed =
      node.values && ValuesNode.is(node.values)
        ? ValuesNode.create(
            node.values.values.map((row) => this.sealRow(policy, columnNames, indexColumns, row)),
          )
        : node.values;
    const onConflict = node.onConflict
      ? OnConflictNode.cloneWith(node.onConflict, {
          updates: this.sealUpdates(policy, node.onConflict.updates ?? []),
        })
      : undefined;
    return InsertQueryNode.cloneWith(node, {
      columns: [...node.columns, ...appended.map(({ indexColumn }) => ColumnNode.create(indexColumn))],
      ...(sealed && { values: sealed }),
      ...(onConflict && { onConflict }),
    });
  }

  private sealRow(
    policy: TablePolicy,
    columnNames: readonly string[],
    indexColumns: readonly IndexColumn[],
    row: ValuesItemNode,
  ): ValuesItemNode {
    const primitive = PrimitiveValueListNode.is(row);
    const plainOf = (column: string): unknown => {
      const index = columnNames.indexOf(column);
      return primitive ? row.values[index] : readValueNode(row.values[index]);
    };
    const indexValueOf = new Map(
      indexColumns.map(({ kind, sourceColumn, indexColumn }) => [
        indexColumn,
        this.indexOf(kind, plainOf(sourceColumn)),
      ]),
    );
    const appended = indexColumns
      .filter(({ indexColumn }) => !columnNames.includes(indexColumn))
      .map(({ indexColumn }) => indexValueOf.get(indexColumn) ?? null);
    const sealedValueOf = (column: string, value: unknown): unknown =>
      indexValueOf.has(column) ? indexValueOf.get(column) : this.sealValue(policy, column, value);
    if (primitive) {
      const sealed = row.values.map((value, index) => sealedValueOf(columnNames[index] ?? '', value));
      return PrimitiveValueListNode.create([...sealed, ...appended]);
    }
    const sealed = row.values.map((value, index) => {
      const column = columnNames[index] ?? '';
      const touched = policy.encrypted.includes(column) || indexValueOf.has(column);
      if (!touched || DefaultInsertValueNode.is(value)) return value;
      return ValueNode.create(sealedValueOf(column, readValueNode(value)));
    });
    return ValueListNode.create([...sealed, ...appended.map((value) => ValueNode.create(value))]);
  }

  private sealUpdates(policy: TablePolicy, updates: readonly ColumnUpdateNode[]): ColumnUpdateNode[] {
    return updates.flatMap((update) => {
      const column = ColumnNode.is(update.column) ? update.column.column.name : null;
      if (!column || !policy.encrypted.includes(column)) return [update];
      const value = readValueNode(update.value);
      const sealed = ColumnUpdateNode.create(
        update.column,
        ValueNode.create(this.sealValue(policy, column, value)),
      );
      const kind = indexKindOf(policy, column);
      const indexColumn = kind ? policy.indexed[kind] : undefined;
      if (!kind || !indexColumn) return [sealed];
      return [
        sealed,
        ColumnUpdateNode.create(ColumnNode.create(indexColumn), ValueNode.create(this.indexOf(kind, value))),
      ];
    });
  }

  private sealValue(policy: TablePolicy, column: string, value: unknown): unknown {
    if (!policy.encrypted.includes(column) || typeof value !== 'string' || emptyValues.has(value))
      return value;
    if (!isSealed(value)) return this.cipher.encrypt(value, column);
    // Already encrypted (a value read back raw): re-encrypt under the current key; one under a key not
    // configured stays as it is rather than being encrypted twice.
    const opened = this.cipher.decrypt(value, column);
    return opened === value ? value : this.cipher.encrypt(opened, column);
  }

  private indexOf(kind: BlindIndexKind, value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? this.cipher.blindIndex(kind, value) : null;
  }
}

interface IndexColumn {
  kind: BlindIndexKind;
  sourceColumn: string;
  indexColumn: string;
}

/** Rewrites `phone = '138…'` into `phone_index = '<hmac>'` wherever it appears in the query's conditions. */
class BlindIndexWhere extends OperationNodeTransformer {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly policy: TablePolicy,
  ) {
    super();
  }

  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const column = columnNameOf(node.leftOperand);
    const kind = column ? indexKindOf(this.policy, column) : null;
    const indexColumn = kind ? this.policy.indexed[kind] : undefined;
    const operator = OperatorNode.is(node.operator) ? node.operator.operator : null;
    if (!kind || !indexColumn || operator !== '=' || !ValueNode.is(node.rightOperand))
      return super.transformBinaryOperation(node);
    const value = node.rightOperand.value;
    if (typeof value !== 'string') return super.transformBinaryOperation(node);
    return BinaryOperationNode.create(
      ColumnNode.create(indexColumn),
      node.operator,
      ValueNode.create(this.cipher.blindIndex(kind, value)),
    );
  }
}

function rewriteWhere<Node extends SelectQueryNode | UpdateQueryNode>(
  cipher: FieldCipher,
  policy: TablePolicy,
  node: Node,
): Node {
  if (!node.where || Object.keys(policy.indexed).length === 0) return node;
  const where = new BlindIndexWhere(cipher, policy).transformNode(node.where);
  return { ...node, where };
}

function policyOf(node: OperationNode | undefined): TablePolicy | null {
  if (!node || !TableNode.is(node)) return null;
  return personalDataPolicy[node.table.identifier.name] ?? null;
}

function indexKindOf(policy: TablePolicy, column: string): BlindIndexKind | null {
  if (column === 'phone' && policy.indexed.phone) return 'phone';
  if (column === 'email' && policy.indexed.email) return 'email';
  return null;
}

function indexColumnsFor(policy: TablePolicy, columnNames: readonly string[]): IndexColumn[] {
  return columnNames.flatMap((sourceColumn) => {
    const kind = indexKindOf(policy, sourceColumn);
    const indexColumn = kind ? policy.indexed[kind] : undefined;
    return kind && indexColumn ? [{ kind, sourceColumn, indexColumn }] : [];
  });
}

function columnNameOf(node: OperationNode): string | null {
  if (ColumnNode.is(node)) return node.column.name;
  if (ReferenceNode.is(node) && ColumnNode.is(node.column)) return node.column.column.name;
  return null;
}

/** A plain value in a write; a computed expression in a personal-data column cannot be encrypted. */
function readValueNode(node: OperationNode | undefined): unknown {
  if (!node || DefaultInsertValueNode.is(node)) return undefined;
  if (ValueNode.is(node)) return node.value;
  if (ValueListNode.is(node)) throw new Error('a list cannot be written to a personal-data column');
  throw new Error(`an expression (${node.kind}) cannot be written to a personal-data column`);
}
