// Child process for the durability test: commits progress as fast as it can and
// reports each committed lesson number on stdout, until it is killed.
import { openDatabase } from '../../../src-main/progress/db';
import { recordLessonEvent } from '../../../src-main/progress/lessonProgress';

const file = process.argv[2];
if (!file) throw new Error('usage: progressWriter <db file>');
const db = openDatabase(file);
for (let i = 0; ; i++) {
  recordLessonEvent(db, `lesson-${i}`, { event: 'position', position: 0.5, secondsSpent: 1 }, new Date());
  process.stdout.write(`${i}\n`);
}
