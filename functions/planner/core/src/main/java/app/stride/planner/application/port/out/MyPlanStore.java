package app.stride.planner.application.port.out;

/** A region's store of users' plans: what each cloud module implements in one adapter. */
public interface MyPlanStore extends LoadMyPlansPort, SaveMyPlanPort, EraseMyPlansPort {}
