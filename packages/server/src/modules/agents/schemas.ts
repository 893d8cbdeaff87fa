import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';

/** What an agent can take on: routing matches a conversation's category, language, channel and product line. */
export const agentSkillsSchema = z
  .object({
    categories: z.array(z.string().min(1).max(60)).max(50).default([]),
    languages: z.array(z.string().min(1).max(20)).max(20).default([]),
    channels: z.array(channelKindSchema).max(10).default([]),
    productLines: z.array(z.string().min(1).max(60)).max(50).default([]),
  })
  .strict();
export type AgentSkills = z.infer<typeof agentSkillsSchema>;
