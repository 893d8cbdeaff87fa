// The uploads module's public surface: other modules use it only through what is exported here.
export {
  markPhotosSent,
  maxPhotosPerMessage,
  resolvePhotoAttachments,
  uploadIdSchema,
  withAudienceUrl,
} from './attachments';
export type { PhotoStorage } from './photoStorage';
export { describeRefusedFiles, formatSize } from './fileRefusals';
export type { AttachmentLimits, RefusedFile } from './fileRefusals';
export type { IncomingFile, KeptFiles } from './service';
