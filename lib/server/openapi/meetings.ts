// /api/v1/meetings: portfolio meetings, their agenda, decisions, preview and close. The OpenAPI paths.
import { z } from "zod";
import {
  agendaItemInput, agendaResult, closeMeetingInput, closeResult, createdMeeting, createMeetingInput, decisionInput, decisionResult,
  meetingDetail, meetingList, previewResponse, refreshResult,
} from "@/lib/validation/meetings";
import { error, json, op, type Paths } from "./common";
import { pageNumber } from "@/lib/validation/common";

const meetingParam = { path: z.object({ id: z.string().meta({ description: "Meeting id" }) }) };
const noBody = { required: false, ...json(closeMeetingInput) };
const notFound = error("No such meeting");
const closed = error("MEETING_CLOSED: the meeting is closed, nothing was written");

export const meetingsPaths: Paths = {
  "/api/v1/meetings": {
    get: op({
      operationId: "listMeetings",
      summary: "Upcoming (planned) and past (closed) portfolio meetings; past ones in pages of 20",
      requestParams: { query: z.object({ page: pageNumber.meta({ description: "Page of past meetings, from 1" }) }) },
      responses: { "200": { description: "Meetings", ...json(meetingList.extend({ page: z.number().int(), pages: z.number().int() })) } },
    }),
    post: op({
      operationId: "createMeeting",
      summary: "Create a meeting (leadership, admin); its agenda is every initiative awaiting decision on the portfolio track, in ranking order",
      requestBody: json(createMeetingInput),
      responses: { "201": { description: "Created", ...json(createdMeeting) } },
    }),
  },
  "/api/v1/meetings/{id}": {
    get: op({ operationId: "getMeeting", summary: "A meeting with its agenda, the decisions taken and, once closed, its frozen snapshot", requestParams: meetingParam, responses: { "200": { description: "The meeting", ...json(meetingDetail) }, "404": notFound } }),
  },
  "/api/v1/meetings/{id}/agenda": {
    post: op({
      operationId: "addAgendaItem",
      summary: "Put an initiative on the agenda (TRIAGED, APPROVED, IN_PROGRESS, PAUSED or DEFERRED; leadership, admin)",
      requestParams: meetingParam,
      requestBody: json(agendaItemInput),
      responses: { "201": { description: "Added", ...json(agendaResult) }, "404": notFound, "409": error("MEETING_CLOSED, or ALREADY_ON_AGENDA") },
    }),
  },
  "/api/v1/meetings/{id}/agenda/refresh": {
    post: op({
      operationId: "refreshAgenda",
      summary: "Add initiatives triaged to the portfolio track since the meeting was created (leadership, admin)",
      requestParams: meetingParam,
      requestBody: noBody,
      responses: { "200": { description: "How many were added", ...json(refreshResult) }, "404": notFound, "409": closed },
    }),
  },
  "/api/v1/meetings/{id}/decisions": {
    post: op({
      operationId: "decide",
      summary: "Decide an agenda item: APPROVE, REJECT, DEFER, REPRIORITISE or REQUEST_INFO with a rationale; moves the initiative's status (leadership, admin)",
      requestParams: meetingParam,
      requestBody: json(decisionInput),
      responses: {
        "201": { description: "Decided", ...json(decisionResult) },
        "404": notFound,
        "409": error("MEETING_CLOSED, ALREADY_DECIDED, INVALID_STATUS (the decision is not allowed from the current status) or VERSION_CONFLICT"),
      },
    }),
  },
  "/api/v1/meetings/{id}/preview/{initiativeId}": {
    get: op({
      operationId: "previewDecision",
      summary: "What approving this agenda item would do to the PIOS balance and to the central pools' load over four quarters",
      requestParams: { path: z.object({ id: z.string().meta({ description: "Meeting id" }), initiativeId: z.string().meta({ description: "Initiative id (on the agenda)" }) }) },
      responses: { "200": { description: "Before and after", ...json(previewResponse) }, "404": error("No such meeting or agenda item") },
    }),
  },
  "/api/v1/meetings/{id}/close": {
    post: op({
      operationId: "closeMeeting",
      summary: "Close a planned meeting: freezes the ranking, decisions and participants as its snapshot (leadership, admin)",
      requestParams: meetingParam,
      requestBody: noBody,
      responses: { "200": { description: "Closed", ...json(closeResult) }, "400": error("VALIDATION_FAILED: a meeting dated after today needs earlyReason"), "404": notFound, "409": closed },
    }),
  },
};
