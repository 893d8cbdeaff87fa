import type { Attachment } from '@kefu/sdk';
import { Image } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import './messageExtras.css';

/** Photos a shopper sent: fetched with the agent's token (the server checks the agent may see them). */
export function MessagePhotos({ attachments }: { attachments: readonly Attachment[] }) {
  const photos = attachments.filter((attachment) => attachment.contentType.startsWith('image/'));
  if (photos.length === 0) return null;
  return (
    <div className="message-photos">
      {photos.map((photo) =>
        photo.uploadId ? (
          <ProtectedPhoto key={photo.url} url={photo.url} />
        ) : (
          <PlatformPhoto key={photo.url} url={photo.url} />
        ),
      )}
    </div>
  );
}

/**
 * A photo the shopper's platform keeps (a WeChat PicUrl): loaded from there without the agent's token and without
 * a referrer (WeChat's image servers refuse other sites' pages).
 */
function PlatformPhoto({ url }: { url: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed || !/^https?:\/\//i.test(url))
    return <span className="message-photo-missing">{t('photoUnavailable')}</span>;
  return (
    <Image
      className="message-photo"
      src={url}
      alt={t('photo')}
      width={160}
      height={160}
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}

function ProtectedPhoto({ url }: { url: string }) {
  const { client } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<{ objectUrl: string | null; failed: boolean }>({
    objectUrl: null,
    failed: false,
  });
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    client.fetchFile(url).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        if (cancelled) URL.revokeObjectURL(objectUrl);
        else setState({ objectUrl, failed: false });
      },
      () => {
        if (!cancelled) setState({ objectUrl: null, failed: true });
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [client, url]);
  if (state.failed) return <span className="message-photo-missing">{t('photoUnavailable')}</span>;
  if (!state.objectUrl) return <span className="message-photo message-photo--loading" aria-busy />;
  return <Image className="message-photo" src={state.objectUrl} alt={t('photo')} width={160} height={160} />;
}
