export { default } from '../libs/eslint.base.mjs';
