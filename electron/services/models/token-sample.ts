/**
 * Text that looks like what people index (prose, a Markdown list, a shell command, code, numbers),
 * tokenized once per embedding model to learn its characters per token: chunks are then sized in
 * that model's tokens without the indexing worker calling the tokenizer, which lives in main.
 */
export const TOKEN_SAMPLE = `# Moving house checklist

The lease on the flat ends on 31 March 2027. Give notice at least two months before, in writing,
and keep a copy of the letter. The deposit (£1,250) is protected by the tenancy deposit scheme;
ask for the inspection report within ten days of moving out.

- Book the van for Saturday morning, 08:30, and confirm the day before.
- Redirect post for twelve months; it costs about £40 online.
- Take meter readings (gas, electricity, water) and photograph them.

To copy the photos to the backup drive, run:

    rsync -av --progress ~/Pictures/ /media/backup/pictures/

Notes from the meeting with the solicitor: completion is expected in six to eight weeks, provided
the searches come back clean. The survey found damp in the north-facing bedroom, which the seller
has agreed to treat before exchange.

\`\`\`python
def monthly_payment(principal: float, rate: float, years: int) -> float:
    r = rate / 12
    n = years * 12
    return principal * r / (1 - (1 + r) ** -n)
\`\`\`
`;
