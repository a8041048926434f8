export { default } from '../eslint.base.mjs';
