package future

// GroupOption configures a [Group] made by [NewGroup]. It is a type of its
// own, not [Option], because Option configures one task (SuppressError) and
// would mean nothing to a group, nor a GroupOption to a task.
type GroupOption interface {
	applyGroup(s *scope)
}

type joinErrors struct{}

func (joinErrors) applyGroup(s *scope) { s.join = true }

// JoinErrors makes [Group.Wait] return every error that reached the group,
// joined with errors.Join in the order they arrived (as conc's pools do),
// instead of only the first (as errgroup does). The group's context is still
// cancelled on the first one. A panic is still returned alone, as a
// [*PanicError]; every error also stays in its own Task.
func JoinErrors() GroupOption { return joinErrors{} }
