export {
  buildReceipt,
  formatBytes,
  formatUkTimeToSecond,
  formatUtcToSecond,
  renderReceiptToBuffer,
  type ReceiptDocument,
} from './render-receipt';
