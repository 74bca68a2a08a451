/**
 * The scheduled event source of the local tool, as EventBridge runs a SAM {@code Schedule} or {@code ScheduleV2}
 * event: {@link dev.catalog.local.events.schedule.TemplateSchedules} reads the template's schedules (rate
 * expressions only), and {@link dev.catalog.local.events.schedule.LocalSchedules} invokes each function at its rate
 * (or at one period given for tests) with EventBridge's scheduled event, through a
 * {@link dev.catalog.local.events.stream.FunctionInvoker}.
 */
package dev.catalog.local.events.schedule;
