import { z } from 'zod';

export const platformOverview = z.object({
  accounts: z.object({ citizen: z.number().int(), enterprise: z.number().int(), staff: z.number().int() }),
  departmentsByRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), count: z.number().int() })),
  loginsByDay: z.array(z.object({ day: z.string(), success: z.number().int(), failure: z.number().int() })),
  auditByAction: z.array(z.object({ action: z.string(), count: z.number().int() })),
});
export type PlatformOverview = z.infer<typeof platformOverview>;
