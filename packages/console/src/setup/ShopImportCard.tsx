import type { ShopImportReport } from '@kefu/sdk';
import { KefuSetupApi } from '@kefu/sdk';
import { Alert, Progress, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useSession } from '../auth/SessionContext';
import { useSetupText } from './setupText';
import { useFailureText } from '../common/failureText';

/** Rows sent per request: small enough for a progress bar that moves, large enough to be quick. */
const rowsPerBatch = 50;

/**
 * Imports a CSV file of products or orders through the shop import API in batches, with a progress bar and the
 * rows that failed (numbered as in the file) and why.
 */
export function ShopImportCard({ kind, onImported }: { kind: 'products' | 'orders'; onImported(): void }) {
  const text = useSetupText();
  const describeFailure = useFailureText();
  const { client } = useSession();
  const api = useMemo(() => new KefuSetupApi(client), [client]);
  const [percent, setPercent] = useState<number | null>(null);
  const [report, setReport] = useState<ShopImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFailure(null);
    setReport(null);
    const [header = '', ...rows] = (await file.text()).split(/\r?\n/).filter((line) => line.trim() !== '');
    const total: ShopImportReport = { imported: 0, failed: 0, errors: [] };
    setPercent(0);
    try {
      for (let start = 0; start < rows.length; start += rowsPerBatch) {
        const batch = rows.slice(start, start + rowsPerBatch);
        const result = await api.importShopData(kind, [header, ...batch].join('\n'));
        total.imported += result.imported;
        total.failed += result.failed;
        total.errors.push(...result.errors.map((error) => ({ ...error, row: error.row + start })));
        setPercent(Math.round(((start + batch.length) / rows.length) * 100));
      }
      setReport(total);
      onImported();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <div className="setup-import">
      <label className="setup-file">
        <span>{text('chooseFile')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={`${text('chooseFile')} ${kind}`}
          onChange={importFile}
        />
      </label>
      {percent !== null && <Progress percent={percent} size="small" aria-label={text('importing')} />}
      {failure && <Alert type="error" title={failure} />}
      {report && (
        <>
          <Alert
            type={report.failed > 0 ? 'warning' : 'success'}
            title={text('importResult', { imported: report.imported, failed: report.failed })}
          />
          {report.errors.length > 0 && (
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={report.errors}
              columns={[
                { title: text('errorRow'), dataIndex: 'row', width: 80 },
                { title: text('errorReason'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
