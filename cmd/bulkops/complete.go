package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/jobs"
)

// Shell completion of what only Bulkops knows: object keys, profiles and job ids. Each
// reads what is there (the catalog, profiles.json, the job store) and completes nothing
// when it cannot, as a shell expects.

func completeObjects(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var keys []cobra.Completion
	for _, o := range catalog.All() {
		if strings.HasPrefix(o.Key, typed) {
			keys = append(keys, cobra.CompletionWithDesc(o.Key, titleWord(o)))
		}
	}
	return keys, cobra.ShellCompDirectiveNoFileComp
}

func completeProfiles(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ps, err := auth.LoadProfiles()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []cobra.Completion
	for _, p := range ps.Profiles {
		if strings.HasPrefix(p.Name, typed) {
			names = append(names, p.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeJobID completes a command's one job id, newest first.
func completeJobID(_ *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeJobIDs(nil, args, typed)
}

// completeJobIDs completes job ids, newest first, with each job's file and status.
func completeJobIDs(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	store, err := jobs.OpenDefault()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer store.Close()
	list, err := store.List(context.Background(), jobs.ListOptions{Limit: 50})
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var ids []cobra.Completion
	for _, j := range list {
		if strings.HasPrefix(j.ID, strings.ToUpper(typed)) {
			ids = append(ids, cobra.CompletionWithDesc(j.ID, j.FileName+", "+statusWord(j.Status)))
		}
	}
	return ids, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// completeSheetFiles completes the files a sheet command reads.
func completeSheetFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"csv", "xlsx", "xlsm", "zip", "wav"}, cobra.ShellCompDirectiveFilterFileExt
}
