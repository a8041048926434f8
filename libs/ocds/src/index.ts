/** OCDS 1.1 mapping with the UK profile (issue 15); filled in by the open-data work. */
export {};
