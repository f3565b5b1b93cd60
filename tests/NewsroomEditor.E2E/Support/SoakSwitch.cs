namespace NewsroomEditor.E2E.Support;

/// <summary>
/// The long forms of the "nothing lost" tests run when <c>NEWSROOM_SOAK=1</c> (see README, Tests):
/// two minutes offline instead of 45 s, 20 conflict rounds instead of 5. CI runs the short forms,
/// which still pass the point where the circuit is given up as disconnected (30 s without a word).
/// </summary>
public static class SoakSwitch
{
    public static bool On => Environment.GetEnvironmentVariable("NEWSROOM_SOAK") == "1";

    public static T Pick<T>(T ci, T soak) => On ? soak : ci;
}
