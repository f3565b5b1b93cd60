// Editor-at-scale benchmark: see bench/README.md and run.sh.
//   seed <dataFolder> <editors> <sample-article.txt> <stories.tsv>
//       creates the newsroom (admin, one reporter per open editor and a typist) and their stories
//       through the Core's services; writes "email<TAB>storyId<TAB>words" per story to stories.tsv.
//   measure --editor URL --editor-pid PID --counter URL --counter-pid PID --stories stories.tsv
//           [--counts 25,50,100] [--typing-seconds 60] [--typing-chars 300]
//       drives Chromium against both apps and prints the results as markdown table rows.
using NewsroomEditor.EditorBench;

return args switch
{
    ["seed", var dataFolder, var editors, var sample, var storiesFile] =>
        await Seeding.SeedAsync(dataFolder, int.Parse(editors, System.Globalization.CultureInfo.InvariantCulture), sample, storiesFile),
    ["measure", .. var options] => await Measurement.RunAsync(MeasureOptions.Parse(options)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed <dataFolder> <editors> <sample-article.txt> <stories.tsv>");
    Console.Error.WriteLine("       measure --editor URL --editor-pid PID --counter URL --counter-pid PID --stories stories.tsv [--counts 25,50,100] [--typing-seconds 60] [--typing-chars 300]");
    return 2;
}
