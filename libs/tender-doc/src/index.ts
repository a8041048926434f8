export { readContent, setText, writeContent } from './lib/tender-doc';
