// Which files a shopper's message may keep: decided by the bytes against the allow-list, within the limits of one
// file and one message, with the sender's name cleaned. Through the uploads module on a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { minimalPdf, smallWorkbook, storedZip } from './helpers/mailShopper';
import { photoBytes } from './helpers/photos';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

/** The first bytes of the container Word, Excel and PowerPoint used before 2007 (and Windows Installer). */
const compoundFile = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);

describe('the kinds of files a message may keep', () => {
  let server: TestServer;
  let customerId: string;

  before(async () => {
    server = await startTestServer({
      environment: { KEFU_ATTACHMENT_MAX_BYTES: '16384', KEFU_ATTACHMENTS_MESSAGE_MAX_BYTES: '24576' },
    });
    const customer = await server.kefu.services.database.db
      .selectFrom('customers')
      .select('id')
      .executeTakeFirstOrThrow();
    customerId = customer.id;
  });
  after(() => server.close());

  /** What keeping one file says: the stored kind, type and name, or why it was refused. */
  const keepOne = async (name: string, bytes: Buffer) => {
    const kept = await server.kefu.services.uploads.keepFiles(customerId, [{ name, bytes }]);
    const [uploadId] = kept.uploadIds;
    if (!uploadId) return kept.refused[0]?.reason;
    const row = await server.kefu.services.database.db
      .selectFrom('uploads')
      .select(['kind', 'content_type', 'file_name'])
      .where('id', '=', uploadId)
      .executeTakeFirstOrThrow();
    return `${row.kind} ${row.content_type} ${row.file_name ?? ''}`;
  };

  test('documents, spreadsheets, text, archives and photos are kept as the type their bytes show', async () => {
    assert.equal(await keepOne('invoice.pdf', minimalPdf()), 'file application/pdf invoice.pdf');
    assert.equal(
      await keepOne('orders.xlsx', await smallWorkbook()),
      'file application/vnd.openxmlformats-officedocument.spreadsheetml.sheet orders.xlsx',
    );
    assert.equal(await keepOne('清单.csv', Buffer.from('订单号,金额\nE1,9.9\n')), 'file text/csv 清单.csv');
    assert.equal(await keepOne('notes', Buffer.from('plain words\n')), 'file text/plain notes.txt');
    assert.equal(
      await keepOne('photos.zip', storedZip('readme.txt', Buffer.from('hello'))),
      'file application/zip photos.zip',
    );
    assert.equal(await keepOne('old.doc', compoundFile), 'file application/msword old.doc');
    assert.equal(await keepOne('box.png', photoBytes.png), 'photo image/png box.png');
    assert.equal(
      await keepOne('scan.xlsx', minimalPdf()),
      'file application/pdf scan.xlsx.pdf',
      'the extension of the type found is added',
    );
  });

  test('programs, web pages and unknown bytes are refused, whatever they are called', async () => {
    assert.equal(
      await keepOne('invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)])),
      'executable',
    );
    assert.equal(await keepOne('run.bat', Buffer.from('echo hi\r\n')), 'executable');
    assert.equal(await keepOne('setup.msi', compoundFile), 'executable');
    assert.equal(await keepOne('installer.doc.', compoundFile), 'unrecognised');
    assert.equal(await keepOne('page.pdf', Buffer.from('<HTML><body onload=alert(1)>')), 'web_content');
    assert.equal(
      await keepOne(
        'logo.png',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ),
      'web_content',
    );
    assert.equal(await keepOne('data.xml', Buffer.from('<?xml version="1.0"?><a/>')), 'web_content');
    assert.equal(await keepOne('report.pdf', Buffer.from('just words')), 'name_mismatch');
    assert.equal(await keepOne('blob.dat', Buffer.from([0, 1, 2, 3, 255, 254])), 'unrecognised');
  });

  test('files over the limit of one file or of the message are refused; names are cleaned', async () => {
    const kept = await server.kefu.services.uploads.keepFiles(customerId, [
      { name: 'big.pdf', bytes: minimalPdf(17_000) },
      { name: '../../etc/a.pdf', bytes: minimalPdf(14_000) },
      { name: 'b\u202Efdp.exe\u202C.pdf', bytes: minimalPdf(12_000) },
      { name: 'c.pdf', bytes: minimalPdf(100) },
    ]);
    assert.deepEqual(
      kept.refused.map(({ name, reason }) => ({ name, reason })),
      [
        { name: 'big.pdf', reason: 'too_large' },
        { name: 'bfdp.exe.pdf', reason: 'message_too_large' },
      ],
    );
    const names = await server.kefu.services.database.db
      .selectFrom('uploads')
      .select('file_name')
      .where('id', 'in', kept.uploadIds)
      .orderBy('file_name')
      .execute();
    assert.deepEqual(
      names.map((row) => row.file_name),
      ['a.pdf', 'c.pdf'],
    );
    const many = Array.from({ length: 21 }, (_, index) => ({
      name: `${index}.txt`,
      bytes: Buffer.from('line\n'),
    }));
    const fromMany = await server.kefu.services.uploads.keepFiles(customerId, many);
    assert.equal(fromMany.uploadIds.length, 20);
    assert.deepEqual(fromMany.refused, [{ name: '20.txt', sizeBytes: 5, reason: 'too_many' }]);
  });
});
