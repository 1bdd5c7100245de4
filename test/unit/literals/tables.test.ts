/** CSV/TSV, whitespace blocks, np.savetxt output, Markdown tables, Sage rows and R print output. */
import { runCases } from './helpers';
import type { Case } from './helpers';

const csv: Case[] = [
  { text: '1,2,3\n4,5,6', want: [[1, 2, 3], [4, 5, 6]], notation: 'csv' },
  { text: 'a,b,c\n1,2,3\n4,5,6', want: [[1, 2, 3], [4, 5, 6]], note: 'header row' },
  { text: ',x,y\nr1,1,2\nr2,3,4', want: [[1, 2], [3, 4]], note: 'header and row labels' },
  { text: ',a,b\n0,1.5,2\n1,3,4', want: [[1.5, 2], [3, 4]], note: 'pandas to_csv index column' },
  { text: '"a","b"\n"1.5","2"\n"3","4"', want: [[1.5, 2], [3, 4]], note: 'quoted cells' },
  { text: '1;2;3\n4;5;6', want: [[1, 2, 3], [4, 5, 6]] },
  { text: '1,5;2,25\n3;4', want: [[1.5, 2.25], [3, 4]], note: 'semicolon CSV with decimal commas' },
  { text: '1,2,3,\n4,5,6,', want: [[1, 2, 3], [4, 5, 6]], note: 'trailing delimiter' },
  { text: '1,2\r\n3,4\r\n', want: [[1, 2], [3, 4]], note: 'CRLF' },
  { text: '1\t2\n3\t4', want: [[1, 2], [3, 4]], notation: 'tsv' },
  { text: 'x\ty\n-1.5\t2e-3\n3\t4', want: [[-1.5, 0.002], [3, 4]] },
  { text: '1,,3\n4,5,6', want: { error: 'missing-values' } },
  { text: '1,NA,3\n4,5,6', want: { error: 'missing-values' } },
  { text: '1,2,3\n4,5', want: { error: 'ragged' } },
  { text: '1,abc,3\n4,5,6\n7,8,9', want: { error: 'symbolic' } },
  { text: '1,nan\n2,3', want: { error: 'non-finite' } },
];

const blocks: Case[] = [
  { text: '1 2\n3 4', want: [[1, 2], [3, 4]], notation: 'whitespace' },
  { text: '  1.5   -2\n  -3     4.25\n', want: [[1.5, -2], [-3, 4.25]] },
  { text: '# comment\n1 2\n\n3 4\n', want: [[1, 2], [3, 4]], note: 'comment and blank lines' },
  { text: '1.000000000000000000e+00 2.500000000000000000e-01\n-3.000000000000000000e+00 4.000000000000000000e+00', want: [[1, 0.25], [-3, 4]] },
  { text: '5', want: [[5]] },
  { text: '1 2 3', want: [[1, 2, 3]] },
  { text: '     a    b\n0  1.0  2.0\n1  3.0  4.0', want: [[1, 2], [3, 4]], note: 'pandas DataFrame print' },
  { text: '1 2\n3 x', want: { error: 'symbolic' } },
  { text: 'hello world', want: { error: ['symbolic', 'not-found', 'syntax'] } },
];

const printouts: Case[] = [
  { text: '[ 1 2]\n[ 3 4]', want: [[1, 2], [3, 4]], notation: 'bracket-rows' },
  { text: '[ 1  0 -1]\n[ 2  3  5]\n[-4  1  0]', want: [[1, 0, -1], [2, 3, 5], [-4, 1, 0]] },
  { text: '[1 2]\n[3]', want: { error: 'ragged' } },
  { text: '     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6', want: [[1, 3, 5], [2, 4, 6]], notation: 'r-output' },
  { text: '     [,1] [,2]\n[1,]  1.5   NA\n[2,]  2.0  4.0', want: { error: 'missing-values' } },
];

const markdown: Case[] = [
  { text: '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |', want: [[1, 2], [3, 4]], notation: 'markdown-table' },
  { text: '| | x | y |\n|:--|--:|:-:|\n| r1 | 1.5 | -2 |\n| r2 | 0 | 3 |', want: [[1.5, -2], [0, 3]] },
  { text: '| gene | s1 | s2 |\n| --- | --- | --- |\n| TP53 | 0.5 | 1 |\n| BRCA1 | 2 | 3 |', want: [[0.5, 1], [2, 3]], note: 'label column' },
  { text: '| 1 | 2 |\n|---|---|\n| 3 | 4 |', want: [[3, 4]], note: 'the row above the separator is always a header' },
  { text: '| a | b |\n|---|---|\n| **1** | `2` |\n| $-3$ | 4 |', want: [[1, 2], [-3, 4]], note: 'formatting around numbers' },
  { text: '| a | b |\n|---|---|\n| 1 | − 2 |\n| 3 | 4 |', want: [[1, -2], [3, 4]], note: 'unicode minus' },
  { text: '| a | b |\n|---|---|\n| 1 | yes |\n| 3 | 4 |', want: { error: 'symbolic' } },
  { text: '| a | b |\n|---|---|\n| 1 |  |\n| 3 | 4 |', want: { error: 'missing-values' } },
  { text: '| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 3 | 4 |', want: { error: 'ragged' } },
];

describe('literals: CSV and TSV', () => runCases(csv));
describe('literals: whitespace blocks', () => runCases(blocks));
describe('literals: Sage and R printouts', () => runCases(printouts));
describe('literals: Markdown tables', () => runCases(markdown));
