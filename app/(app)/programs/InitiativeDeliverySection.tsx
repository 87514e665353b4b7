import { can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { isPlannable } from "@/lib/domain/lifecycle";
import { availableSteps } from "@/lib/server/lifecycle";
import { programChoices } from "@/lib/server/programs";
import { InitiativeDelivery } from "@/components/programs/InitiativeDelivery";
import { planInitiativeAction, progressInitiativeAction, setInitiativeProgramAction } from "./actions";

type Initiative = Parameters<typeof InitiativeDelivery>[0]["initiative"] & { ownerDepartmentId: string; version: number };

/** The initiative page's program, plan and delivery steps: loads what the controls need and binds the actions. */
export async function InitiativeDeliverySection({ user, initiative: i }: { user: Actor; initiative: Initiative }) {
  const changeProgram = can(user, "program.manage");
  return (
    <InitiativeDelivery
      initiative={i}
      programs={changeProgram ? await programChoices() : []}
      may={{ changeProgram, plan: can(user, "initiative.plan", i) && isPlannable(i.status), steps: availableSteps(user, i) }}
      actions={{
        setProgram: setInitiativeProgramAction.bind(null, i.id, i.version),
        plan: planInitiativeAction.bind(null, i.id, i.version),
        progress: progressInitiativeAction.bind(null, i.id, i.version),
      }}
    />
  );
}
