import { checkLines, type TextCheck } from './check-lines';

export interface CheckTextTask {
  text: string;
  estimatedValue?: number;
  maxFindings: number;
}

/** Worker-thread entry: checks a long text off the event loop. */
export default function checkText(task: CheckTextTask): TextCheck {
  return checkLines(task.text, task.estimatedValue, task.maxFindings);
}
