/** "a Queue", "an App server", "an SQS queue": the indefinite article a name is read with. */
export function withArticle(name: string): string {
  // Letters said with a vowel sound ("an SQS queue", "an L4 balancer"), then plain vowels; "a user", "a one-off" are said with a consonant.
  const initialism = /^[A-Z]{2}|^[A-Z]\d/.test(name);
  const vowel = initialism ? /^[AEFHILMNORSX]/.test(name) : /^[aeiou]/i.test(name) && !/^(u[bcfhjkqrstn][aeiou]|use|one)/i.test(name);
  return `${vowel ? 'an' : 'a'} ${name}`;
}
